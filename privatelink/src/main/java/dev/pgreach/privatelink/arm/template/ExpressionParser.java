package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text between a template expression's brackets: function calls with string ({@code
 * 'it''s'}), integer and boolean arguments, member access ({@code .name}) and indexing ({@code
 * [0]}, {@code ['name']}). Calls nest at most {@link Limits#MAX_DEPTH} deep.
 */
final class ExpressionParser {
  private final String text;
  private int pos;
  private int depth;

  private ExpressionParser(String text) {
    this.text = text;
  }

  /**
   * Parses an expression.
   *
   * @param text the text between the brackets
   * @return the expression
   * @throws TemplateError.Syntax for text that is not an expression
   */
  static Expression parse(String text) {
    ExpressionParser p = new ExpressionParser(text);
    Expression e = p.expression();
    p.blanks();
    if (p.pos < text.length()) {
      throw p.fail("unexpected text");
    }
    return e;
  }

  private Expression expression() {
    blanks();
    if (++depth > Limits.MAX_DEPTH) {
      throw new TemplateError.Syntax("template expressions nest deeper than " + Limits.MAX_DEPTH);
    }
    Expression e = primary();
    while (true) {
      blanks();
      if (peek('.')) {
        int at = pos++;
        blanks();
        String member = identifier();
        if (member.isEmpty()) {
          throw fail("a member name was expected");
        }
        e = new Expression.Member(e, member, at);
      } else if (peek('[')) {
        int at = pos++;
        Expression index = expression();
        blanks();
        expect(']');
        e = new Expression.Index(e, index, at);
      } else {
        break;
      }
    }
    depth--;
    return e;
  }

  private Expression primary() {
    if (pos >= text.length()) {
      throw fail("an expression was expected");
    }
    char c = text.charAt(pos);
    if (c == '\'') {
      return new Expression.Literal(TextNode.valueOf(string()));
    }
    if (c == '-' || Character.isDigit(c)) {
      int start = pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      try {
        return new Expression.Literal(LongNode.valueOf(Long.parseLong(text.substring(start, pos))));
      } catch (NumberFormatException e) {
        pos = start;
        throw fail("an integer was expected");
      }
    }
    int at = pos;
    String name = identifier();
    if (name.isEmpty()) {
      throw fail("a function name was expected");
    }
    blanks();
    String namespace = "";
    if (peek('.')) {
      // namespace.function( … ) for user-defined functions; otherwise member access on a call
      int save = pos;
      pos++;
      blanks();
      String member = identifier();
      blanks();
      if (!member.isEmpty() && peek('(')) {
        namespace = name;
        name = member;
      } else {
        pos = save;
      }
    }
    if (!peek('(')) {
      if (namespace.isEmpty() && (name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false"))) {
        return new Expression.Literal(BooleanNode.valueOf(name.equalsIgnoreCase("true")));
      }
      throw fail("'(' was expected after '" + name + "'");
    }
    pos++;
    List<Expression> args = new ArrayList<>();
    blanks();
    if (!peek(')')) {
      while (true) {
        args.add(expression());
        blanks();
        if (peek(',')) {
          pos++;
          continue;
        }
        break;
      }
    }
    blanks();
    expect(')');
    return new Expression.Call(namespace, name, List.copyOf(args), at);
  }

  private String string() {
    StringBuilder s = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw fail("the string is not closed");
      }
      char c = text.charAt(pos++);
      if (c == '\'') {
        if (peek('\'')) {
          s.append('\'');
          pos++;
          continue;
        }
        return s.toString();
      }
      s.append(c);
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '$')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void blanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw fail("'" + c + "' was expected");
    }
    pos++;
  }

  private TemplateError.Syntax fail(String what) {
    return new TemplateError.Syntax(what + " at character " + (pos + 1));
  }
}
