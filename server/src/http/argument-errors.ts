// Names the argument at fault in GraphQL's own validation errors: graphql-js says
// 'Expected value of type "Date!", found "2017-02-30"' without saying which argument that was.
import { type ArgumentNode, type ASTNode, GraphQLError, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useArgumentNamesInErrors(): Plugin {
  return {
    onValidate:
      ({ params }) =>
      ({ result, setResult }) => {
        if (result.length === 0) return;
        const owners = argumentsByNode(params.documentAST);
        setResult(result.map((error) => nameArgument(error, owners)));
      },
    // A bad variable: graphql-js names the variable; add the argument(s) it was passed to.
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        if (!('errors' in result) || !result.errors?.length) return;
        const usedIn = variableArguments(args.document);
        setResult({
          ...result,
          errors: result.errors.map((error) => {
            const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
            const argument = variable ? usedIn.get(variable) : undefined;
            if (!argument) return error;
            return new GraphQLError(`Argument "${argument}": ${error.message}`, {
              nodes: error.nodes,
              extensions: { ...error.extensions, code: 'BAD_USER_INPUT', argument },
            });
          }),
        });
      },
    }),
  };
}

/** The argument(s) each variable is passed to, e.g. $f → "from". */
function variableArguments(document: ASTNode): Map<string, string> {
  const usedIn = new Map<string, string[]>();
  visit(document, {
    Argument: (node) => {
      visit(node.value, {
        Variable: (v) => void usedIn.set(v.name.value, [...(usedIn.get(v.name.value) ?? []), node.name.value]),
      });
    },
  });
  return new Map([...usedIn].map(([variable, names]) => [variable, [...new Set(names)].join('", "')]));
}

/** Maps every node inside an argument's value to that argument's name. */
export function argumentsByNode(document: ASTNode): Map<ASTNode, string> {
  const owner = new Map<ASTNode, string>();
  let current: ArgumentNode | null = null;
  visit(document, {
    Argument: { enter: (node) => void (current = node), leave: () => void (current = null) },
    enter: (node) => {
      if (current && node !== current) owner.set(node, current.name.value);
    },
  });
  return owner;
}

export function nameArgument(error: GraphQLError, owners: Map<ASTNode, string>): GraphQLError {
  const argument = error.nodes?.map((node) => owners.get(node)).find(Boolean);
  if (!argument) return error;
  return new GraphQLError(`Argument "${argument}": ${error.message}`, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', argument },
  });
}
