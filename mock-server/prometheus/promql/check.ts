import { DOCUMENTED_TYPE, isComparison, isSetOp, type Binary, type Expr, type ValueType } from './ast';
import { UnsupportedError, type ParseError } from './errors';
import { FUNCTION_SIGNATURES } from './function-signatures';

export function typeOf(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vectorSelector':
    case 'aggregate':
      return 'vector';
    case 'matrixSelector':
    case 'subquery':
      return 'matrix';
    case 'call':
      return FUNCTION_SIGNATURES[expr.name]?.returnType ?? 'vector';
    case 'binary':
      return typeOf(expr.lhs) === 'scalar' && typeOf(expr.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'unary':
    case 'paren':
      return typeOf(expr.expr);
  }
}

type Fail = (message: string) => ParseError;

/** Prometheus' type checks (checkAST); also settles the default vector matching of binary ops. */
export function checkExpr(expr: Expr, fail: Fail): void {
  switch (expr.kind) {
    case 'number':
    case 'string':
    case 'vectorSelector':
    case 'matrixSelector':
      return;
    case 'paren':
      return checkExpr(expr.expr, fail);
    case 'unary': {
      checkExpr(expr.expr, fail);
      const type = typeOf(expr.expr);
      if (type !== 'scalar' && type !== 'vector') {
        throw fail(`unary expression only allowed on expressions of type scalar or instant vector, got "${DOCUMENTED_TYPE[type]}"`);
      }
      return;
    }
    case 'subquery': {
      checkExpr(expr.expr, fail);
      const type = typeOf(expr.expr);
      if (type !== 'vector') throw fail(`subquery is only allowed on instant vector, got ${DOCUMENTED_TYPE[type]} instead`);
      return;
    }
    case 'call':
      return checkCall(expr.name, expr.args, fail);
    case 'aggregate':
      checkExpr(expr.expr, fail);
      expectType(expr.expr, 'vector', 'aggregation expression', fail);
      if (expr.param !== null) {
        checkExpr(expr.param, fail);
        expectType(expr.param, expr.op === 'count_values' ? 'string' : 'scalar', 'aggregation parameter', fail);
      }
      return;
    case 'binary':
      return checkBinary(expr, fail);
  }
}

function checkCall(name: string, args: Expr[], fail: Fail): void {
  const signature = FUNCTION_SIGNATURES[name];
  if (signature === undefined) throw new UnsupportedError(`function "${name}"`);
  for (const arg of args) checkExpr(arg, fail);
  const expected = signature.argTypes.length;
  if (signature.variadic === 0) {
    if (args.length !== expected) throw fail(`expected ${expected} argument(s) in call to "${name}", got ${args.length}`);
  } else {
    const minimum = expected - 1;
    if (args.length < minimum) throw fail(`expected at least ${minimum} argument(s) in call to "${name}", got ${args.length}`);
    const maximum = minimum + signature.variadic;
    if (signature.variadic > 0 && args.length > maximum) {
      throw fail(`expected at most ${maximum} argument(s) in call to "${name}", got ${args.length}`);
    }
  }
  args.forEach((arg, i) => {
    const type = signature.argTypes[Math.min(i, expected - 1)] as ValueType;
    expectType(arg, type, `call to function "${name}"`, fail);
  });
}

function checkBinary(expr: Binary, fail: Fail): void {
  checkExpr(expr.lhs, fail);
  checkExpr(expr.rhs, fail);
  const lt = typeOf(expr.lhs);
  const rt = typeOf(expr.rhs);
  if (expr.returnBool && !isComparison(expr.op)) throw fail('bool modifier can only be used on comparison operators');
  if (isComparison(expr.op) && !expr.returnBool && lt === 'scalar' && rt === 'scalar') {
    throw fail('comparisons between scalars must use BOOL modifier');
  }
  const matching = expr.matching;
  if (matching !== null && matching.on) {
    for (const label of matching.include) {
      if (matching.labels.includes(label)) throw fail(`label "${label}" must not occur in ON and GROUP clause at once`);
    }
  }
  for (const type of [lt, rt]) {
    if (type !== 'scalar' && type !== 'vector') throw fail('binary expression must contain only scalar and instant vector types');
  }
  if (lt !== 'vector' || rt !== 'vector') {
    if (matching !== null && matching.labels.length > 0) throw fail('vector matching only allowed between instant vectors');
    if (isSetOp(expr.op)) throw fail(`set operator "${expr.op}" not allowed in binary scalar expression`);
    expr.matching = null;
    return;
  }
  const settled = matching ?? { card: 'one-to-one', on: false, labels: [], include: [] };
  if (isSetOp(expr.op)) {
    if (settled.card === 'many-to-one' || settled.card === 'one-to-many') throw fail(`no grouping allowed for "${expr.op}" operation`);
    settled.card = 'many-to-many';
  }
  expr.matching = settled;
}

function expectType(expr: Expr, want: ValueType, context: string, fail: Fail): void {
  const got = typeOf(expr);
  if (got !== want) throw fail(`expected type ${DOCUMENTED_TYPE[want]} in ${context}, got ${DOCUMENTED_TYPE[got]}`);
}
