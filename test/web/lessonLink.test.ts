import { describe, expect, it } from 'vitest';
import { lessonLink, openRequest, shortName } from '../../web/classroom/lessonLink.ts';

/** Short links to gallery files (web/classroom/lessonLink.ts): looked up among the bundled paths only. */
const PATHS = ['scenarios/04-coffee-brand.json', 'scenarios/classroom/newsvendor.json', 'scenarios/theory/eoq.json'];

describe('?open= links to the gallery', () => {
  it('names a gallery file by its path under scenarios/, without .json', () => {
    expect(shortName('scenarios/classroom/newsvendor.json')).toBe('classroom/newsvendor');
    expect(openRequest('?open=classroom/newsvendor', PATHS)).toEqual({ path: 'scenarios/classroom/newsvendor.json' });
    expect(openRequest('?lang=fr&open=theory/eoq', PATHS)).toEqual({ path: 'scenarios/theory/eoq.json' });
    expect(openRequest('?open=04-coffee-brand', PATHS)).toEqual({ path: 'scenarios/04-coffee-brand.json' });
  });

  it('takes the name as a file path would give it: with scenarios/, .json, an encoded slash', () => {
    expect(openRequest('?open=scenarios/classroom/newsvendor.json', PATHS)).toEqual({ path: 'scenarios/classroom/newsvendor.json' });
    expect(openRequest('?open=classroom%2Fnewsvendor', PATHS)).toEqual({ path: 'scenarios/classroom/newsvendor.json' });
  });

  it('asks for nothing when the address has no open parameter', () => {
    expect(openRequest('', PATHS)).toBeNull();
    expect(openRequest('?lang=fr', PATHS)).toBeNull();
  });

  it('reports any other name as unknown, never guessing or reaching outside the gallery', () => {
    expect(openRequest('?open=classroom/nope', PATHS)).toEqual({ unknown: 'classroom/nope' });
    expect(openRequest('?open=../../etc/passwd', PATHS)).toEqual({ unknown: '../../etc/passwd' });
    expect(openRequest('?open=https://example.com/x.json', PATHS)).toEqual({ unknown: 'https://example.com/x.json' });
    expect(openRequest('?open=newsvendor', PATHS)).toEqual({ unknown: 'newsvendor' });
    expect(openRequest('?open=', PATHS)).toEqual({ unknown: '' });
    expect(openRequest('?open=constructor', PATHS)).toEqual({ unknown: 'constructor' });
    // a long name is cut in the notice
    expect((openRequest(`?open=${'x'.repeat(500)}`, PATHS) as { unknown: string }).unknown).toHaveLength(80);
  });

  it('builds the link to a lesson from the page address: its lang kept, anything else (a shared fragment) left out', () => {
    expect(lessonLink('scenarios/classroom/newsvendor.json', 'https://stocklab.example/app/index.html')).toBe('https://stocklab.example/app/index.html?open=classroom/newsvendor');
    expect(lessonLink('scenarios/classroom/newsvendor.json', 'https://stocklab.example/app/?lang=fr&open=theory/eoq#s=abc')).toBe('https://stocklab.example/app/?lang=fr&open=classroom/newsvendor');
    // the link opens what it names
    const link = lessonLink('scenarios/theory/eoq.json', 'http://127.0.0.1:5173/');
    expect(openRequest(new URL(link).search, PATHS)).toEqual({ path: 'scenarios/theory/eoq.json' });
  });
});
