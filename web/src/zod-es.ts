// The contract's schemas also run in the browser (forms, the report's checks): a check without its own message
// must speak Spanish there too, as the server does (src/server/app.ts). Only the Spanish locale is bundled.
import { z } from 'zod';
import es from 'zod/v4/locales/es.js';

z.config(es());
