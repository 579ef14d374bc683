import { Exito } from '../../ui/componentes.tsx';
import { cantidad } from '../../ui/formato.ts';
import { ImportarPlantilla } from '../../ui/importar-plantilla.tsx';
import { TablaTextos } from '../../ui/problemas-importacion.tsx';
import { useImportarPersonas } from './api.ts';

/** Upload of the people template: the file's report when it is refused, or who was created. */
export function ImportarPersonas({ entidadId }: { entidadId: string }) {
  return (
    <ImportarPlantilla
      titulo="Importar personas"
      descripcion="Llene la plantilla con nombre, correo, roles y cargo. Cada persona recibe un enlace para definir su contraseña. Si una fila tiene un problema no se crea ninguna cuenta."
      plantilla={`/api/entidades/${entidadId}/usuarios/plantilla.xlsx`}
      que="personas"
      limite="500 personas"
      importar={useImportarPersonas(entidadId)}
      resultado={(r) => (
        <>
          <Exito>
            Se {r.importadas === 1 ? 'creó' : 'crearon'} {cantidad(r.importadas, 'cuenta', 'cuentas')}.{' '}
            {r.correoEnviado
              ? 'Cada persona recibirá un correo con el enlace para definir su contraseña.'
              : 'El correo está apagado: entregue a cada persona su enlace (vale 72 horas y sirve una sola vez).'}
          </Exito>
          {r.enlaces.length > 0 && (
            <TablaTextos
              etiqueta="Enlaces para definir la contraseña"
              columnas={['Persona', 'Correo', 'Enlace para definir la contraseña']}
              filas={r.enlaces.map((e) => [e.nombre, e.correo, `${window.location.origin}${e.enlaceClave}`])}
            />
          )}
        </>
      )}
    />
  );
}
