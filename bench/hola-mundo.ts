// Baseline for the benchmark: a bare Fastify hello-world on the same machine and Node.
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hola: 'mundo' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listo');
