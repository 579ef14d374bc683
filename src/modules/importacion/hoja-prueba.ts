// For the import tests: sheets that stretch the limits.
import ExcelJS from 'exceljs';

/** A .xlsx whose sheet `hoja` has its header and one cell in Excel's last row (1.048.576). */
export async function hojaHastaLaUltimaFila(hoja: string): Promise<Buffer> {
  const libro = new ExcelJS.Workbook();
  const h = libro.addWorksheet(hoja);
  h.getCell('A1').value = 'Nombre';
  h.getCell('A1048576').value = 'y';
  return Buffer.from(await libro.xlsx.writeBuffer());
}
