// es-CO presentation: dates dd/mm/aaaa, numbers 1.234,5.
const zona = 'America/Bogota';

export function fechaHora(d: Date): string {
  const f = new Intl.DateTimeFormat('es-CO', {
    timeZone: zona,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const p = (t: string) => f.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}`;
}

export function hora(d: Date): string {
  return fechaHora(d).slice(11);
}
