import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { errorCodes as fastifyErrors } from 'fastify';
import { AppException, ErrorKind } from './app.exception';
import { AppExceptionFilter } from './app-exception.filter';

const ROOT = path.resolve(__dirname, '../../../..');

interface ThrownCode {
  code: string;
  /** An AppException's kind, or the HTTP status a hook's error carries. */
  kind?: ErrorKind;
  status?: number;
  where: string;
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const group of ['apps', 'libs']) for (const pkg of fs.readdirSync(path.join(ROOT, group))) if (fs.existsSync(path.join(ROOT, group, pkg, 'src'))) walk(path.join(ROOT, group, pkg, 'src'));
  return files;
}

const literal = (node: ts.Node | undefined) => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined);

/**
 * Every error code the project's code throws, read from its syntax: `new AppException(code,
 * message, kind)`, `new InvalidInputException(code, ...)`, a subclass's `super(code, message,
 * kind)`, and a hook's `httpError(status, code, ...)`.
 */
function thrownCodes(): ThrownCode[] {
  const found: ThrownCode[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const extendsAppException = (node: ts.Node) =>
      ts.isClassDeclaration(node) && (node.heritageClauses ?? []).some((clause) => clause.types.some((type) => /AppException$/.test(type.expression.getText())));
    const visit = (node: ts.Node, inAppExceptionClass: boolean) => {
      const where = `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isNewExpression(node) && ['AppException', 'InvalidInputException'].includes(node.expression.getText())) {
        const code = literal(node.arguments?.[0]);
        const kind = node.expression.getText() === 'InvalidInputException' ? 'validation' : ((literal(node.arguments?.[2]) ?? 'internal') as ErrorKind);
        if (code) found.push({ code, kind, where });
      }
      if (inAppExceptionClass && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const code = literal(node.arguments[0]);
        const kind = literal(node.arguments[2]) as ErrorKind | undefined;
        if (code && kind) found.push({ code, kind, where });
      }
      if (ts.isCallExpression(node) && node.expression.getText() === 'httpError' && ts.isNumericLiteral(node.arguments[0])) {
        const code = literal(node.arguments[1]);
        if (code) found.push({ code, status: Number(node.arguments[0].text), where });
      }
      ts.forEachChild(node, (child) => visit(child, inAppExceptionClass || extendsAppException(node)));
    };
    visit(source, false);
  }
  return found;
}

describe('every error code the project throws, through the error filter', () => {
  const filter = new AppExceptionFilter();
  const codes = thrownCodes();
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('finds them in the source (the scan itself works)', () => {
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.map(({ code }) => code)).toEqual(expect.arrayContaining(['IMPORT_RUNNING', 'RUN_NOT_HELD', 'UNSUPPORTED_ENCODING', 'INVALID_GZIP', 'RATE_LIMITED', 'CUSTOMER_ID_CHANGE_UNCONFIRMED']));
  });

  it.each(codes.filter(({ kind }) => kind).map((thrown) => [thrown.code, thrown.kind!, thrown.where] as const))('%s (%s, %s) answers its kind\'s status with its code; 5xx only for server-side kinds', (code, kind) => {
    const { status, body } = filter.toResponse(new AppException(code, 'a message', kind));

    const serverSide = kind === 'internal' || kind === 'unavailable';
    expect(status >= 500).toBe(serverSide);
    if (!serverSide) expect(body.error.code).toBe(code);
  });

  it.each(codes.filter(({ status }) => status).map((thrown) => [thrown.code, thrown.status!, thrown.where] as const))('%s from a hook (status %i, %s) answers that status, never 500', (code, status) => {
    expect(filter.toResponse(Object.assign(new Error('a message'), { statusCode: status, code })).status).toBe(status);
  });

  it('answers each of Fastify\'s own client errors with its 4xx status, never 500', () => {
    const answered = Object.entries(fastifyErrors).flatMap(([name, Construct]) => {
      const error = new (Construct as new (...args: string[]) => Error & { statusCode?: number })('a', 'b', 'c');
      return error.statusCode && error.statusCode < 500 ? [`${name} ${filter.toResponse(error).status}`] : [];
    });

    expect(answered.length).toBeGreaterThan(5);
    expect(answered.filter((line) => line.endsWith(' 500'))).toEqual([]);
  });

  it('documents every code an API user can get in the README', () => {
    const answered = codes.map(({ code, kind, status, where }) => ({ where, ...filter.toResponse(status ? Object.assign(new Error('m'), { statusCode: status, code }) : new AppException(code, 'm', kind)) }));
    const userFacing = answered.filter(({ status }) => status < 500).map(({ body, status, where }) => ({ code: body.error.code, status, where }));
    expect([...new Set(userFacing.filter(({ code }) => !readme.includes(`\`${code}\``)).map(({ code, where }) => `${code} (${where})`))]).toEqual([]);
  });
});
