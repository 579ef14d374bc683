/**
 * The largest page the paged lists serve (the dashboard's activities). Here and not in the contract: the web
 * reads it without loading the contract's schemas.
 */
export const POR_PAGINA_MAXIMO = 200;
