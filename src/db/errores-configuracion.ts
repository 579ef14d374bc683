/** A problem with the installation (database, folder, port) that the operator can fix: shown in Spanish. */
export class ErrorConfiguracion extends Error {}
