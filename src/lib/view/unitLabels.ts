// Unit names as chart labels: two communes of different districts may share a name ("Xã Tân
// Lập"), and a chart that groups by label would merge them. Such names get their code.
export function unitLabels(
  units: readonly { unitCode: string; unitName: string }[],
): Map<string, string> {
  const count = new Map<string, number>();
  for (const u of units) count.set(u.unitName, (count.get(u.unitName) ?? 0) + 1);
  return new Map(
    units.map((u) => [
      u.unitCode,
      (count.get(u.unitName) ?? 0) > 1 ? `${u.unitName} (${u.unitCode})` : u.unitName,
    ]),
  );
}
