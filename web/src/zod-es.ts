// The contract's schemas also run in the browser (forms, the report's checks): a check without its own message
// must speak Spanish there too, with the same words as the server (src/contrato/mensajes.ts).
import { zodEnEspanol } from '@contrato/mensajes.ts';

zodEnEspanol();
