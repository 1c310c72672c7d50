// A downloaded chart names its framework and year and where its numbers come from.
import { describe, expect, it } from 'vitest';
import { chartLabels } from '../../src/lib/view/chartLabels';

describe('chart file labels', () => {
  it('title, framework and year, the files (four and more counted), the decision and the day', () => {
    const labels = chartLabels({
      title: 'Phân bố',
      lang: 'vi',
      framework: { title: { vi: 'DTI cấp xã', en: 'Commune DTI' }, decision: 'QĐ 922/QĐ-BTTTT' },
      year: 2024,
      files: ['a.csv', 'b.xlsx', 'a.csv', 'c.ods', 'd.xls', 'e.csv'],
      day: new Date(2026, 11, 7),
    });
    expect(labels).toEqual({
      title: 'Phân bố',
      subtitle: 'DTI cấp xã, 2024',
      source:
        'Nguồn: DTI Lab, tính từ số liệu đã nạp — a.csv, b.xlsx, c.ods, +2 · QĐ 922/QĐ-BTTTT · xuất ngày 7/12/2026',
    });
  });

  it('without a framework or files it still says its source and day, in English too', () => {
    const labels = chartLabels({
      title: 'Trend',
      lang: 'en',
      framework: null,
      year: null,
      files: [],
      day: new Date(2026, 11, 7),
    });
    expect(labels.subtitle).toBe('');
    expect(labels.source).toBe(
      'Source: DTI Lab, computed from the data loaded · exported on 07/12/2026',
    );
  });
});
