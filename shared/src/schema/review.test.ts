import { describe, expect, it } from 'vitest';
import {
  activityProgressSchema,
  canTransition,
  commitmentCompletion,
  createObservationSchema,
  reviewInboxQuerySchema,
} from './review';

describe('review statuses', () => {
  it('go forward through review to publication, with back steps for mistakes only', () => {
    expect(canTransition('borrador', 'en_revision')).toBe(true);
    expect(canTransition('en_revision', 'con_observaciones')).toBe(true);
    expect(canTransition('en_revision', 'aprobado')).toBe(true);
    expect(canTransition('aprobado', 'publicado')).toBe(true);
    expect(canTransition('publicado', 'aprobado')).toBe(true);
    expect(canTransition('borrador', 'publicado')).toBe(false);
    expect(canTransition('borrador', 'aprobado')).toBe(false);
    expect(canTransition('con_observaciones', 'aprobado')).toBe(false);
    expect(canTransition('en_revision', 'en_revision')).toBe(false);
  });
});

describe('observations', () => {
  it('name a field path or the whole commitment', () => {
    expect(createObservationSchema.safeParse({ path: '', text: 'General' }).success).toBe(true);
    expect(createObservationSchema.safeParse({ path: 'linesOfAction.la1.title', text: 'x' }).success).toBe(true);
    expect(createObservationSchema.safeParse({ path: 'a..b', text: 'x' }).success).toBe(false);
    expect(createObservationSchema.safeParse({ path: '<script>', text: 'x' }).success).toBe(false);
    expect(createObservationSchema.safeParse({ path: '', text: '   ' }).success).toBe(false);
  });
});

describe('follow-up', () => {
  it('needs evidence as titled http(s) links or uploaded files, 1 to 10', () => {
    const link = (url: string, title = 'Minuta') => ({ kind: 'link', title, url });
    const ok = (evidence: unknown[], level = 'limitado') =>
      activityProgressSchema.safeParse({ level, evidence }).success;
    expect(ok([link('https://infoem.org.mx/x'), { kind: 'file', title: 'Acta', fileId: 'actaFirmada12345' }])).toBe(
      true,
    );
    expect(ok([])).toBe(false);
    expect(ok([link('javascript:alert(1)')])).toBe(false);
    expect(ok([link('https://a.mx', '  ')])).toBe(false);
    expect(ok([{ kind: 'file', title: 'Acta', fileId: '../../etc/passwd' }])).toBe(false);
    expect(ok(['https://infoem.org.mx/x'])).toBe(false);
    expect(ok(Array.from({ length: 11 }, (_, i) => link(`https://a.mx/${i}`)))).toBe(false);
    expect(ok([link('https://a.mx')], 'sin_evidencia')).toBe(false);
  });

  it('rolls activities up to the commitment on the IRM scale', () => {
    expect(commitmentCompletion([])).toBe('sin_evidencia');
    expect(commitmentCompletion(['sin_evidencia', 'sin_evidencia'])).toBe('sin_evidencia');
    expect(commitmentCompletion(['no_iniciado', 'sin_evidencia'])).toBe('no_iniciado');
    expect(commitmentCompletion(['limitado', 'sin_evidencia'])).toBe('limitado');
    expect(commitmentCompletion(['completo', 'sustancial', 'sustancial'])).toBe('sustancial');
    expect(commitmentCompletion(['completo', 'completo', 'no_iniciado'])).toBe('sustancial');
    expect(commitmentCompletion(['completo', 'completo'])).toBe('completo');
    expect(commitmentCompletion(['completo', 'sin_evidencia'])).toBe('limitado');
  });
});

describe('the inbox filters', () => {
  it('take a theme (slug or label), a mesa id and a status, each optional; empty means any', () => {
    expect(reviewInboxQuerySchema.parse({})).toEqual({});
    expect(reviewInboxQuerySchema.parse({ theme: 'Medio ambiente', mesa: '', status: 'aprobado' })).toEqual({
      theme: 'medio-ambiente',
      status: 'aprobado',
    });
    expect(reviewInboxQuerySchema.safeParse({ mesa: '../../etc' }).success).toBe(false);
    expect(reviewInboxQuerySchema.safeParse({ status: 'listo' }).success).toBe(false);
    expect(reviewInboxQuerySchema.safeParse({ status: ['aprobado', 'publicado'] }).success).toBe(false);
    expect(reviewInboxQuerySchema.safeParse({ orden: 'x' }).success).toBe(false);
  });
});
