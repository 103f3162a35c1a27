// The place printed in the date line of an organisation's documents ("Dương Minh Châu, ngày …").

/** The locality of an organisation's name ("Liên đoàn Lao động huyện Dương Minh Châu" → "Dương Minh Châu"), the default place of the date line. */
export function placeOf(orgName: string): string {
  const m = /^(?:Liên đoàn Lao động|Công đoàn(?: ngành)?(?: [^ ]+)*?) (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu) (.+)$/u.exec(orgName);
  return (m ? m[1]! : orgName).trim();
}
