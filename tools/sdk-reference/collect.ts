import { relative } from 'node:path'
import ts from 'typescript'

/** One exported name of an SDK entry point, as the reference shows it. */
export interface ApiEntry {
  name: string
  kind: 'function' | 'interface' | 'type' | 'class' | 'const'
  /** The source file below plugin-sdk/src, e.g. `helpers/pager.ts`: the reference's sections. */
  file: string
  /** The TSDoc above the declaration, as text. */
  doc: string
  /** A function's signatures, a type alias's or a constant's type, a class's declaration line. */
  signature: string
  /** An interface's members (and a class's public ones), in declaration order. */
  members: { name: string; type: string; optional: boolean; doc: string }[]
}

const PRINT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope

/**
 * Every name an SDK entry point exports, with its TSDoc and its type as the compiler sees it, in
 * export order. Read from the source with the TypeScript compiler, so the reference cannot say
 * what the code does not.
 */
export function collectEntries(entry: string, srcRoot: string): ApiEntry[] {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    types: ['node'],
    skipLibCheck: true,
    noEmit: true,
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  if (!source) throw new Error(`cannot read ${entry}`)
  const moduleSymbol = checker.getSymbolAtLocation(source)
  if (!moduleSymbol) throw new Error(`${entry} exports nothing`)
  const entries: ApiEntry[] = []
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    const declaration = symbol.declarations?.[0]
    if (!declaration) continue
    const file = relative(srcRoot, declaration.getSourceFile().fileName).replaceAll('\\', '/')
    const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim()
    entries.push({ name: exported.name, file, doc, ...describe(checker, symbol, declaration) })
  }
  return entries
}

function describe(
  checker: ts.TypeChecker,
  symbol: ts.Symbol,
  declaration: ts.Declaration,
): Pick<ApiEntry, 'kind' | 'signature' | 'members'> {
  if (ts.isInterfaceDeclaration(declaration)) {
    const type = checker.getDeclaredTypeOfSymbol(symbol)
    return {
      kind: 'interface',
      signature: heritage(declaration),
      members: membersOf(checker, type, declaration),
    }
  }
  if (ts.isTypeAliasDeclaration(declaration))
    return { kind: 'type', signature: oneLine(declaration.type.getText()), members: [] }
  if (ts.isClassDeclaration(declaration)) {
    const type = checker.getDeclaredTypeOfSymbol(symbol)
    const members = membersOf(checker, type, declaration).filter((m) => !m.name.startsWith('#'))
    return { kind: 'class', signature: `class ${symbol.name}${heritage(declaration)}`, members }
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, declaration)
  const calls = type.getCallSignatures()
  if (ts.isFunctionDeclaration(declaration) || (calls.length > 0 && type.getProperties().length === 0))
    return {
      kind: 'function',
      signature: calls
        .map((s) => `${symbol.name}${checker.signatureToString(s, undefined, PRINT)}`)
        .join('\n'),
      members: [],
    }
  return { kind: 'const', signature: constType(checker, type, declaration), members: [] }
}

/** A zod schema's compiler type runs to pages; the reference shows its fields instead (schemas.ts). */
function constType(checker: ts.TypeChecker, type: ts.Type, declaration: ts.Declaration): string {
  const text = checker.typeToString(type, declaration, PRINT)
  if (/^Zod[A-Z]\w*</.test(text) || text.length > 400) return text.slice(0, text.indexOf('<')) || 'object'
  return text
}

function heritage(declaration: ts.InterfaceDeclaration | ts.ClassDeclaration): string {
  const params = declaration.typeParameters?.map((p) => p.getText()).join(', ')
  const clauses = declaration.heritageClauses?.map((h) => h.getText()).join(' ')
  return `${params ? `<${params}>` : ''}${clauses ? ` ${clauses}` : ''}`
}

function membersOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): ApiEntry['members'] {
  return type
    .getProperties()
    .filter((p) => !isPrivate(p))
    .map((p) => ({
      name: p.name,
      type: oneLine(checker.typeToString(checker.getTypeOfSymbolAtLocation(p, at), at, PRINT)),
      optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
      doc: oneLine(ts.displayPartsToString(p.getDocumentationComment(checker))),
    }))
}

function isPrivate(p: ts.Symbol): boolean {
  const d = p.declarations?.[0]
  if (!d) return false
  const flags = ts.getCombinedModifierFlags(d)
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 || p.name.startsWith('#')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
