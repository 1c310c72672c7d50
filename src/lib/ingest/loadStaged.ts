// A staged table → loaded as what it is: a data table (wide or long), a unit's self-assessment
// form, a framework, or a plan's targets. The shape is found from the header unless the person chose one.
import type { Engine } from '../db/engine';
import { measureIndex, roleOf } from './columnRoles';
import type { Known, LoadOptions } from './loadInput';
import type { LoadReport } from './loadReport';
import { loadFrameworkSheet } from './loadFrameworkSheet';
import { loadSelfAssessment } from './loadSelfAssessment';
import { loadTable } from './loadTable';
import { loadTargetSheet } from './loadTargetSheet';
import type { LoadWrites } from './loadWrites';
import { detectShape } from './shape';
import { checkpoint } from './progress';
import type { StagedTable } from './staged';

export async function loadStaged(
  engine: Engine,
  staged: StagedTable,
  file: string,
  writes: LoadWrites,
  known: Known,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const index = measureIndex(known.measures);
  const detected = detectShape(
    staged.columns,
    staged.columns.map((c) => roleOf(c, index)),
  );
  const shape = options.shape ?? detected;
  checkpoint(options, file, 'writing');
  const loadId = writes.loadId;
  // Only a data table writes rows before its transaction (its observations, in chunks).
  if (shape !== 'wide' && shape !== 'long') await writes.begin();
  const report = await (shape === 'selfAssessment'
    ? loadSelfAssessment(engine, staged, file, loadId, options)
    : shape === 'framework'
      ? loadFrameworkSheet(engine, staged, file, loadId, known, options)
      : shape === 'targets'
        ? loadTargetSheet(engine, staged, file, loadId, known, options)
        : loadTable(engine, staged, file, writes, known.measures, options, shape));
  return { ...report, detectedShape: detected };
}
