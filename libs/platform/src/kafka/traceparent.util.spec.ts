import { nextTraceparent } from './traceparent.util';

describe(nextTraceparent.name, () => {
  it('keeps the trace of a valid parent and starts a new span', () => {
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

    const sut = nextTraceparent(parent);

    expect(sut).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    expect(sut).not.toBe(parent);
  });

  it.each([undefined, '', 'garbage', '00-xyz-abc-01'])('starts a new trace when the parent is %p', (parent) => {
    expect(nextTraceparent(parent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
