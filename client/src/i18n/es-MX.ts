/** Every text the UI shows, in Spanish (Mexico). Keys are stable; a translation copies this object. */
export const esMX = {
  'app.name': 'Cocrea',
  'app.tagline': 'Mesas de cocreación de gobierno abierto, en tiempo real',
  'home.title': 'Bienvenida a Cocrea',
  'home.body':
    'Para entrar a una mesa de cocreación abra el enlace que le envió el Secretariado Técnico Local (STL). Cada enlace da un rol: facilitación, participante u observador.',
  'home.stl': 'Si usted forma parte del STL, cree las mesas con su token de administración (consulte la documentación).',
  'loading.mesa': 'Cargando la mesa…',
  'error.title': 'No pudimos abrir la mesa',
  'error.noToken':
    'Este enlace no incluye una clave de acceso. Pida al STL el enlace completo de la mesa (termina en #k=…).',
  'error.network': 'No hay conexión con el servidor. Revise su conexión a internet e intente de nuevo.',
  'error.retry': 'Intentar de nuevo',
  'error.generic': 'Ocurrió un error inesperado. Intente de nuevo.',
  'join.title': 'Antes de entrar a la mesa',
  'join.intro': 'Su nombre se mostrará a las demás personas mientras esté en la mesa. Nada de lo que se exporte o publique dirá quién escribió qué.',
  'join.name': 'Nombre',
  'join.sector': 'Sector',
  'join.sector.placeholder': 'Elija su sector',
  'join.organization': 'Organización o institución',
  'join.chatham':
    'Acepto la regla de Chatham House: puedo usar la información que escuche, pero no revelaré la identidad ni la afiliación de quien la dijo.',
  'join.submit': 'Entrar a la mesa',
  'join.submitting': 'Entrando…',
  'join.role': 'Entrará como: {role}',
  'save.saved': 'Todos los cambios guardados',
  'save.saving': 'Guardando…',
  'save.offline': 'Sin conexión',
  'save.offlineHint': 'Sus cambios se guardan en este navegador y se enviarán al reconectar.',
  'save.connecting': 'Conectando…',
  'presence.title': 'En la mesa ({count})',
  'presence.you': '(usted)',
  'presence.anonymous': 'Conexión sin nombre',
  'role.readOnly': 'Modo observador: puede ver la mesa, pero no editarla.',
} as const;

export type MessageKey = keyof typeof esMX;
