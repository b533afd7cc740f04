import { Lexer, type Token } from 'marked';

/** Every token a Markdown viewer (GFM, as marked reads it) finds in the text, nested ones included. */
export function* markdownTokens(markdown: string): Generator<Token> {
  yield* walk(new Lexer({ gfm: true }).lex(markdown));
}

function* walk(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    const nested = token as { tokens?: Token[]; items?: Token[] };
    if (nested.tokens) yield* walk(nested.tokens);
    if (nested.items) yield* walk(nested.items);
  }
}
