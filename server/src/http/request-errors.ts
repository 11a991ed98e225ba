// A request that could not run at all (no query, a syntax or validation error, a document over
// the limits) is the caller's mistake: answer 400 whatever the Accept header, where yoga keeps
// 200 for application/json. An error that already carries its status (401, 404) keeps it.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useBadRequestStatus(): Plugin {
  return {
    onResultProcess: ({ result, setResult }) => {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length || 'data' in result) return;
      setResult({
        ...result,
        errors: result.errors.map((error) => {
          const http = error.extensions?.http as { spec?: boolean; status?: number } | undefined;
          if (http && !http.spec) return error;
          return new GraphQLError(error.message, {
            nodes: error.nodes,
            originalError: error.originalError,
            extensions: { ...error.extensions, http: { ...http, spec: false, status: http?.status ?? 400 } },
          });
        }),
      });
    },
  };
}
