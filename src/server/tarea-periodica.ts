// A job inside the server process: one round every `intervaloMs`, never two at once (the next timer is set when
// a round ends), stopped by app.close() after the round in course finishes. The e-mail worker and the legal
// calendar's reminders run on it.
export function tareaPeriodica(
  app: { addHook(nombre: 'onClose', f: () => Promise<void>): unknown },
  intervaloMs: number,
  ronda: (detenido: () => boolean) => Promise<void>,
  alCerrar?: () => void,
) {
  let detenido = false;
  let temporizador: NodeJS.Timeout | undefined;
  let enCurso: Promise<void> = Promise.resolve();
  const programar = () => {
    if (detenido) return;
    temporizador = setTimeout(() => {
      enCurso = ronda(() => detenido).then(programar);
    }, intervaloMs);
    temporizador.unref();
  };
  programar();
  app.addHook('onClose', async () => {
    detenido = true;
    clearTimeout(temporizador);
    await enCurso;
    alCerrar?.();
  });
}
