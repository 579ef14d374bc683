// Apart from auth.ts, which imports zod: the login page's first load (web/src/ui/esqueleto.tsx) reads this.

/** The login form's labels: the web app's form, the one without JavaScript and the server's messages name them. */
export const ETIQUETAS_INGRESO = { email: 'Correo electrónico', password: 'Contraseña' } as const;
