import { BadRequestException, NotFoundException } from '@nestjs/common';
import { AppExceptionFilter } from './app-exception.filter';
import { AppException, DependencyUnavailableException, InvalidInputException } from './app.exception';

describe(AppExceptionFilter.name, () => {
  const sut = new AppExceptionFilter();

  it.each([
    [new InvalidInputException('BAD_FIELD', 'firstName is required'), 400, 'BAD_FIELD'],
    [new AppException('IMPORT_RUNNING', 'an import is already running', 'conflict'), 409, 'IMPORT_RUNNING'],
    [new AppException('NO_TENANT', 'tenant not found', 'not_found'), 404, 'NO_TENANT'],
    [new AppException('AUTH', 'unauthorized', 'unauthorized'), 401, 'AUTH'],
    [new NotFoundException('Cannot GET /x'), 404, 'NOT_FOUND'],
    [new BadRequestException(['a must be set', 'b must be set']), 400, 'BAD_REQUEST'],
    [Object.assign(new Error('Body cannot be empty'), { code: 'FST_ERR_CTP_EMPTY_JSON_BODY' }), 400, 'EMPTY_BODY'],
    [Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }), 413, 'PAYLOAD_TOO_LARGE'],
    // Raised by the webhook body hook before any handler (Content-Encoding: br; a body that says gzip and is not).
    [Object.assign(new Error('content-encoding br is not supported'), { statusCode: 415, code: 'UNSUPPORTED_ENCODING' }), 415, 'UNSUPPORTED_ENCODING'],
    [Object.assign(new Error('the body says gzip but is not valid gzip'), { statusCode: 400, code: 'INVALID_GZIP' }), 400, 'INVALID_GZIP'],
    [Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_UNKNOWN_ENCODING' }), 415, 'CTP_UNKNOWN_ENCODING'],
  ])('maps %p to %i with code %s', (exception, status, code) => {
    const response = sut.toResponse(exception);

    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.errorId).toBeUndefined();
  });

  it('joins validation messages into one sentence', () => {
    expect(sut.toResponse(new BadRequestException(['a must be set', 'b must be set'])).body.error.message).toBe('a must be set; b must be set');
  });

  it.each([
    [new Error('db password is hunter2'), 500],
    [new DependencyUnavailableException('kafka', 'connect ECONNREFUSED 10.0.0.7:9092 hunter2'), 503],
  ])('hides the details of %p behind an errorId', (exception, status) => {
    const response = sut.toResponse(exception);

    expect(response.status).toBe(status);
    expect(response.body.error.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(JSON.stringify(response.body)).not.toContain('at ');
  });
});
