// The notebooks that ship with the app (Vietnamese), read through the same checks as a file.
import khamPha from './kham-pha-du-lieu.json';
import viSaoTutHang from './vi-sao-tut-hang.json';
import doNhay from './do-nhay-trong-so.json';
import type { Notebook } from '../types';
import { validateNotebookFile } from '../validateNotebook';

export const BUILTIN_NOTEBOOKS: readonly Notebook[] = [khamPha, viSaoTutHang, doNhay].map((f) => ({
  ...validateNotebookFile(f),
  builtin: true,
}));
