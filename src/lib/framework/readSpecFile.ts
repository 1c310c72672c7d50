// A JSON file a person loads → a validated framework or target profile, told apart by `schema`.
import { InvalidSpecError } from './check';
import { validateFramework } from './validateFramework';
import { validateTargetProfile } from './validateTargets';
import type { Framework, TargetProfile } from './types';

export type Spec =
  { kind: 'framework'; framework: Framework } | { kind: 'profile'; profile: TargetProfile };

export function readSpecFile(text: string): Spec {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InvalidSpecError({ vi: 'Tệp JSON không đọc được', en: 'Unreadable JSON file' }, [
      {
        path: '',
        message: {
          vi: `JSON sai cú pháp: ${(e as Error).message}`,
          en: `JSON syntax error: ${(e as Error).message}`,
        },
      },
    ]);
  }
  const schema =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).schema : undefined;
  if (schema === 'dti-lab/framework@1')
    return { kind: 'framework', framework: validateFramework(raw) };
  if (schema === 'dti-lab/targets@1')
    return { kind: 'profile', profile: validateTargetProfile(raw) };
  throw new InvalidSpecError(
    {
      vi: 'Tệp JSON không phải bộ chỉ số hay bộ chỉ tiêu',
      en: 'The JSON file is neither a framework nor a target profile',
    },
    [
      {
        path: 'schema',
        message: {
          vi: `phải là "dti-lab/framework@1" hoặc "dti-lab/targets@1", nhận được ${JSON.stringify(schema ?? null)}`,
          en: `must be "dti-lab/framework@1" or "dti-lab/targets@1", got ${JSON.stringify(schema ?? null)}`,
        },
      },
    ],
  );
}
