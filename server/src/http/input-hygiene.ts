// Every string a caller sends is checked before anything runs: well-formed Unicode (no lone
// surrogate), no NUL or other control character but tab and newline, and no longer than its
// maximum (STRING_LIMITS in rules/text.ts, the rule a spreadsheet's cells follow too). A bad one
// is refused with an error naming the argument, whether it was written in the query or passed as
// a variable; nothing is read or written.
// The schema's types are read by duck typing (ofType, getFields), never with instanceof: the
// schema may come from graphql's CommonJS build while this module loads its ES build.
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type TypeNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitOf, textProblem } from '../rules/text.ts';

/** What is wrong with a string (rules/text.ts), as the error's words, or null. */
function stringProblem(value: string, limit: number): string | null {
  const problem = textProblem(value, limit);
  if (!problem) return null;
  if (problem.kind === 'surrogate') return 'contains a lone surrogate (not well-formed Unicode)';
  if (problem.kind === 'control') return 'contains a control character (NUL or another), which is not allowed';
  return `is longer than ${problem.limit} characters (${problem.length})`;
}

const refuse = (path: string, problem: string) =>
  new GraphQLError(`Argument "${path}" ${problem}`, {
    extensions: { code: 'BAD_USER_INPUT', argument: path, http: { status: 400 } },
  });

/** The first bad string among the literals of a document, as an error naming its argument. */
export function literalProblem(document: DocumentNode): GraphQLError | null {
  const path: string[] = [];
  let found: GraphQLError | null = null;
  visit(document, {
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue: (node) => {
      if (found || path.length === 0) return;
      const problem = stringProblem(node.value, limitOf(path[path.length - 1] ?? ''));
      if (problem) found = refuse(path.join('.'), problem);
    },
  });
  return found;
}

/** The first bad string among variables' values, named by the argument(s) they are passed to. */
export function variableProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  if (!variables) return null;
  const usedIn = new Map<string, string>();
  visit(document, {
    Argument: (argument) =>
      void visit(argument.value, {
        Variable: (v) => void usedIn.set(v.name.value, argument.name.value),
        ObjectField: (field) =>
          field.value.kind === Kind.VARIABLE ? void usedIn.set(field.value.name.value, field.name.value) : undefined,
      }),
  });
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      if (!(name in variables)) continue;
      const problem = checkAst(schema, variables[name], variable.type, [usedIn.get(name) ?? name]);
      if (problem) return problem;
    }
  }
  return null;
}

/** A schema input type, as far as this check needs it. */
interface InputType {
  ofType?: InputType;
  getFields?: () => Record<string, { type: InputType }>;
  toString(): string;
}

/** Checks a variable's value against the type written in the operation. */
function checkAst(schema: GraphQLSchema, value: unknown, type: TypeNode, path: string[]): GraphQLError | null {
  if (value === null || value === undefined) return null;
  if (type.kind === Kind.NON_NULL_TYPE) return checkAst(schema, value, type.type, path);
  if (type.kind === Kind.LIST_TYPE) return each(value, (item) => checkAst(schema, item, type.type, path));
  const named = schema.getType(type.name.value) as InputType | undefined;
  return named ? checkValue(value, named, path) : null;
}

function checkValue(value: unknown, type: InputType, path: string[]): GraphQLError | null {
  if (value === null || value === undefined) return null;
  if (type.ofType) {
    const isList = !String(type).endsWith('!');
    return isList
      ? each(value, (item) => checkValue(item, type.ofType as InputType, path))
      : checkValue(value, type.ofType, path);
  }
  if (type.getFields && typeof value === 'object') {
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value as object)) {
      const field = fields[key];
      const problem = field ? checkValue(item, field.type, [...path, key]) : null;
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'string') {
    const problem = stringProblem(value, limitOf(path[path.length - 1] ?? ''));
    return problem ? refuse(path.join('.'), problem) : null;
  }
  return null;
}

/** The first problem among a list's items (or of a single value given for a list). */
function each(value: unknown, check: (item: unknown) => GraphQLError | null): GraphQLError | null {
  for (const item of Array.isArray(value) ? value : [value]) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

/** Refuses a request with a bad string before it is validated or run. */
export function useInputHygiene(): Plugin {
  return {
    onValidate: ({ params, setResult }) => {
      const problem = literalProblem(params.documentAST);
      if (problem) setResult([problem]);
    },
    onExecute: ({ args, setResultAndStopExecution }) => {
      const problem = variableProblem(args.schema, args.document, args.variableValues ?? undefined);
      if (problem) setResultAndStopExecution({ errors: [problem] });
    },
  };
}
