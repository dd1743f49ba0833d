import { CliError } from './cli-error';
import { resolveTarget } from './target';

describe(resolveTarget.name, () => {
  it('takes the flags first, then the environment', async () => {
    await expect(resolveTarget('acme', { gateway: 'http://gw:3000/', token: 'flag' }, { ICIMS_SYNC_URL: 'http://env', ICIMS_SYNC_TOKEN: 'env' })).resolves.toEqual({ gatewayUrl: 'http://gw:3000', token: 'flag' });
    await expect(resolveTarget('acme', {}, { ICIMS_SYNC_URL: 'http://env', ICIMS_SYNC_TOKEN: 'env' })).resolves.toEqual({ gatewayUrl: 'http://env', token: 'env' });
  });

  it('says how to get a token when there is none and no HR sandbox to sign in to', async () => {
    await expect(resolveTarget('acme', {}, {})).rejects.toThrow(new CliError('no admin token: pass --token or set ICIMS_SYNC_TOKEN (an HR admin JWT), or run it beside npm start to sign in to the HR sandbox'));
  });

  it('says when the HR sandbox it should sign in to is not there', async () => {
    await expect(resolveTarget('acme', {}, { HR_SANDBOX_URL: 'http://127.0.0.1:9' })).rejects.toThrow('cannot reach the HR sandbox at http://127.0.0.1:9 to sign in: is npm start running?');
  });
});
