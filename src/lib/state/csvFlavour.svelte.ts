// The CSV flavour a person chose in an export menu, remembered in this browser (localStorage) and
// shared by every table's menu: choosing it once is enough.
import { CSV_FLAVOURS, type CsvFlavour } from '../export/tableExport';

const KEY = 'dti-lab.csv-flavour@1';

function stored(): CsvFlavour {
  try {
    const v = localStorage.getItem(KEY);
    return CSV_FLAVOURS.find((f) => f === v) ?? 'excel-vi';
  } catch {
    return 'excel-vi';
  }
}

export const csvChoice = $state({ flavour: stored() });

export function chooseCsvFlavour(flavour: CsvFlavour): void {
  csvChoice.flavour = flavour;
  try {
    localStorage.setItem(KEY, flavour);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this visit.
  }
}
