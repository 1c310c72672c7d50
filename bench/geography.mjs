// A made-up country of the national scale: 63 provinces, 700 districts, 10,000 communes (before
// the 2025 merger), with official-looking codes (2-, 3- and 5-digit) and Vietnamese-looking
// names. Deterministic: the same scale gives the same units, in the same order.
import { prng } from '../scripts/lib/prng.mjs';

const SYLLABLES = [
  'An',
  'Bình',
  'Cẩm',
  'Châu',
  'Đông',
  'Đức',
  'Gia',
  'Hà',
  'Hải',
  'Hòa',
  'Hưng',
  'Hương',
  'Khánh',
  'Kim',
  'Lạc',
  'Lâm',
  'Long',
  'Minh',
  'Mỹ',
  'Nam',
  'Nghĩa',
  'Ngọc',
  'Phú',
  'Phúc',
  'Quang',
  'Quảng',
  'Sơn',
  'Tân',
  'Thạch',
  'Thanh',
  'Thành',
  'Thuận',
  'Tiến',
  'Trung',
  'Trường',
  'Vĩnh',
  'Xuân',
  'Yên',
];

/** Two syllables picked by the generator: "Thanh Sơn", "Hòa Bình" … */
const placeName = (next) =>
  `${SYLLABLES[Math.floor(next() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(next() * SYLLABLES.length)]}`;

/**
 * Units at `scale` (1 = national). District sizes vary (6–24 communes) around the national mean,
 * as real ones do; the counts add up exactly to the communes asked for.
 */
export function geography(scale = 1) {
  const next = prng(20251);
  const communeCount = Math.max(20, Math.round(10_000 * scale));
  const districtCount = Math.max(1, Math.round(700 * scale));
  const provinceCount = Math.max(1, Math.round(63 * scale));
  const mean = communeCount / districtCount;
  // Sizes drawn around the mean, then nudged one by one until they sum to the commune count.
  const sizes = Array.from({ length: districtCount }, () =>
    Math.max(6, Math.round(mean * (0.45 + next() * 1.1))),
  );
  let excess = sizes.reduce((s, n) => s + n, 0) - communeCount;
  for (let i = 0; excess !== 0; i = (i + 1) % districtCount) {
    const step = excess < 0 ? 1 : sizes[i] > 6 ? -1 : 0;
    sizes[i] += step;
    excess += step;
  }
  const provinces = Array.from({ length: provinceCount }, (_, p) => ({
    code: String(p + 1).padStart(2, '0'),
    name: `Tỉnh ${placeName(next)}`,
  }));
  const districts = [];
  const communes = [];
  sizes.forEach((size, d) => {
    const province = provinces[Math.floor((d * provinceCount) / districtCount)];
    const district = {
      code: String(d + 1).padStart(3, '0'),
      name: `Huyện ${placeName(next)}`,
      province,
      communes: [],
    };
    districts.push(district);
    for (let k = 0; k < size; k++) {
      const commune = {
        index: communes.length,
        code: String(communes.length + 1).padStart(5, '0'),
        name: `${k === 0 ? 'Thị trấn' : 'Xã'} ${placeName(next)}`,
        district,
        // How far along the commune is (0–1): its figures follow it, so ranks mean something.
        level: 0.15 + 0.8 * next(),
      };
      communes.push(commune);
      district.communes.push(commune);
    }
  });
  return { provinces, districts, communes };
}
