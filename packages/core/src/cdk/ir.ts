/**
 * The CDK app as language-neutral data: one stack, the statements of its
 * constructor, and the files beside it. Every emitter (`emit/<language>.ts`)
 * turns the same tree into its language, the way jsii-pacmak keeps one model
 * and many targets. Names of CDK members are jsii's (camelCase, as in the
 * TypeScript API); emitters convert them to their language's spelling.
 */
import type { JsonObject } from '../json';

/** The aws-cdk-lib submodules the app uses; `aws-cdk-lib` is the core module. */
export type CdkModule =
  | 'aws-cdk-lib'
  | 'aws-apigateway'
  | 'aws-ec2'
  | 'aws-ecs'
  | 'aws-ecs-patterns'
  | 'aws-iam'
  | 'aws-lambda';

/** A class or struct of aws-cdk-lib; rendering it is what makes an emitter import its module. */
export interface TypeRef {
  module: CdkModule;
  name: string;
}

/**
 * A local variable of the stack's constructor. `key` tells variables apart;
 * `name` is what its identifier is made from in each language (see
 * `assignKeyedIdentifiers`), so two variables may share a name.
 */
export interface Variable {
  key: string;
  name: string;
}

export type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'list'; items: Expr[] }
  /** Props or another jsii struct; field names are jsii's. */
  | { kind: 'struct'; type: TypeRef; fields: StructField[] }
  /** A dictionary with arbitrary string keys. */
  | { kind: 'map'; entries: { key: string; value: Expr }[] }
  | { kind: 'variable'; variable: Variable }
  /** The construct being defined: `this` / `self`. */
  | { kind: 'scope' }
  | { kind: 'property'; object: Expr; name: string }
  | { kind: 'staticProperty'; type: TypeRef; name: string }
  /** `nullSafe`: the object may be absent (TypeScript `?.`). */
  | { kind: 'call'; object: Expr; method: string; args: Expr[]; nullSafe?: boolean }
  | { kind: 'staticCall'; type: TypeRef; method: string; args: Expr[] }
  | { kind: 'new'; type: TypeRef; args: Expr[] }
  /** A string built from literal text and values (tokens at synth time). */
  | { kind: 'template'; parts: (string | Expr)[] }
  /** A path inside the generated app, from its root folder, whatever the working directory. */
  | { kind: 'appPath'; segments: string[] };

export interface StructField {
  name: string;
  value: Expr;
}

export type Statement =
  | { kind: 'declare'; variable: Variable; value: Expr }
  | { kind: 'expression'; value: Expr }
  /** Why the next statements are as they are; emitted as a comment. */
  | { kind: 'comment'; text: string }
  | { kind: 'blank' }
  /**
   * Reads the rendered OpenAPI document (`file`, beside the stack's source) and
   * replaces each deploy-time placeholder in its strings with the value given
   * for it, which CDK resolves in the inline definition.
   */
  | { kind: 'loadDefinition'; variable: Variable; file: string; substitutions: Substitution[] };

export interface Substitution {
  /** As written in the document: `${AWS::Region}`, `${PetsHandlerFunction.Arn}`. */
  placeholder: string;
  value: Expr;
}

/** A file of the app that is the same in every language (starter handler code). */
export interface AppAsset {
  /** Relative to the app's root folder, `/`-separated. */
  path: string;
  text: string;
}

export interface CdkApp {
  /** What every emitted source file says first, as a comment: no timestamps, so output stays deterministic. */
  generatedBy: string;
  /** The API's name, for the README and `restApiName`. */
  apiName: string;
  /** Words for the stack's class and file names: `Pet Store` -> `PetStoreStack`, `pet-store-stack`. */
  stackName: string;
  /** The stack's construct id in the app. */
  stackId: string;
  /** The rendered OpenAPI document, with its placeholders. */
  document: JsonObject;
  /** The file name the document is written to, beside the stack's source. */
  documentFile: string;
  /** The stack's constructor body, in order. */
  statements: Statement[];
  assets: AppAsset[];
  /** What the README lists as created, one line each. */
  summary: string[];
}

// ---------------------------------------------------------------- builders, so the tree reads like the code

export const CDK = {
  core: (name: string): TypeRef => ({ module: 'aws-cdk-lib', name }),
  apigateway: (name: string): TypeRef => ({ module: 'aws-apigateway', name }),
  ec2: (name: string): TypeRef => ({ module: 'aws-ec2', name }),
  ecs: (name: string): TypeRef => ({ module: 'aws-ecs', name }),
  ecsPatterns: (name: string): TypeRef => ({ module: 'aws-ecs-patterns', name }),
  iam: (name: string): TypeRef => ({ module: 'aws-iam', name }),
  lambda: (name: string): TypeRef => ({ module: 'aws-lambda', name }),
};

export const str = (value: string): Expr => ({ kind: 'string', value });
export const num = (value: number): Expr => ({ kind: 'number', value });
export const bool = (value: boolean): Expr => ({ kind: 'boolean', value });
export const ref = (variable: Variable): Expr => ({ kind: 'variable', variable });
export const prop = (object: Expr, ...names: string[]): Expr =>
  names.reduce<Expr>((o, name) => ({ kind: 'property', object: o, name }), object);
export const scope: Expr = { kind: 'scope' };

/** A struct from fields in order; undefined values are left out. */
export function struct(type: TypeRef, fields: Record<string, Expr | undefined>): Expr {
  return {
    kind: 'struct',
    type,
    fields: Object.entries(fields)
      .filter((entry): entry is [string, Expr] => entry[1] !== undefined)
      .map(([name, value]) => ({ name, value })),
  };
}

/** A construct: `new Type(scope, id, props)`. */
export function construct(type: TypeRef, id: string, props?: Expr): Expr {
  return {
    kind: 'new',
    type,
    args: props === undefined ? [scope, str(id)] : [scope, str(id), props],
  };
}

/** The keys of the variables some statement reads. */
export function referencedVariables(statements: readonly Statement[]): Set<string> {
  const keys = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const node = value as { kind?: string; variable?: Variable };
      if (node.kind === 'variable' && node.variable) keys.add(node.variable.key);
      Object.values(value).forEach(visit);
    }
  };
  for (const statement of statements) {
    if (statement.kind === 'declare' || statement.kind === 'expression') visit(statement.value);
    if (statement.kind === 'loadDefinition') visit(statement.substitutions);
  }
  return keys;
}

/** The variables the statements declare, in order. */
export function declaredVariables(statements: readonly Statement[]): Variable[] {
  return statements.flatMap((s) =>
    s.kind === 'declare' || s.kind === 'loadDefinition' ? [s.variable] : [],
  );
}
