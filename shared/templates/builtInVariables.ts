import { z } from 'zod';
import { variableDefinitionSchema, type VariableDefinition } from '#shared/templates/schema';
import variablesData from './data/variables.json';

let parsed: VariableDefinition[] | undefined;

/**
 * The built-in typed variables (a small file of its own: interfaces that only show values need
 * these, not the 600 KB of clause templates).
 */
export function builtInVariables(): VariableDefinition[] {
  parsed ??= z.array(variableDefinitionSchema).parse(variablesData);
  return parsed;
}
