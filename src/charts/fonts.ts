import path from 'node:path';
import { packageFile } from './assets.js';

/** Paths of the DejaVu font files povineq ships (dejavu-fonts-ttf), used by every PNG. */
export function fontFiles(): string[] {
  const dir = packageFile('dejavu-fonts-ttf', 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) => path.join(dir, f));
}

