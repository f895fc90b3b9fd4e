/** A file the admin picked: its name and its bytes as base64 (null when nothing was picked). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  readonly base64: string;
}

/** In the browser: the system's file dialog, for an XLSX or CSV. */
export function pickSheetFile(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, size: file.size, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    };
    document.body.appendChild(input);
    input.click();
  });
}
