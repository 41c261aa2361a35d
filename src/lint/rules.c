/* The rule registry: every rule id lint can report, the parser's and builder's
 * diagnostics included, with its default severity and a one-line description.
 * Severities (docs/lint.md says why for each): error when the published page is
 * broken for its reader (broken JSON, dead links, anchors and includes, a block
 * that swallows the rest of the page); warning when the page says something
 * wrong or inconsistent; note when it renders right but could be better. */
#include <string.h>

#include "lint/lint.h"

#define W B24_WARNING
#define E B24_ERROR
#define N B24_NOTE

static const b24_lint_rule rules[] = {
    /* structure: found by the parser and the model builder */
    {"table-stray-text", "structure", W, "text between the rows of a #| table, which the renderer drops"},
    {"table-row-unclosed", "structure", W, "a #| table row not closed with || (it ends in |# or runs into the next row)"},
    {"table-cell-count", "structure", W, "a table row with more or fewer cells than the header (an unescaped '|'?)"},
    {"unterminated-block", "structure", E, "a {% list tabs %}, {% note %}, {% cut %} or {% if %} that is never closed"},
    {"stray-directive", "structure", W, "an {% end... %} or {% else %} without its opening directive"},
    {"tabs-stray-text", "structure", W, "text inside {% list tabs %} that belongs to no tab"},
    {"tabs-empty", "structure", W, "a {% list tabs %} with no tabs"},
    {"tabs-single", "structure", N, "a {% list tabs %} with a single tab"},
    {"nesting", "structure", W, "YFM blocks nested too deep to be read"},
    {"if-condition", "structure", W, "an {% if %} condition that cannot be evaluated"},
    {"include-missing", "structure", E, "an {% include %} whose target does not exist"},
    {"include-outside-root", "structure", E, "an {% include %} whose target lies outside the docs root"},
    {"include-cycle", "structure", E, "pages that include each other"},
    {"include-syntax", "structure", E, "an {% include %} that cannot be read"},
    {"encoding", "structure", E, "bytes that are not UTF-8, or NUL bytes"},
    {"toc-missing-page", "structure", E, "a table of contents entry for a page that does not exist"},
    {"param-name", "structure", W, "a parameter table row whose first cell names no parameter"},
    {"param-duplicate", "structure", W, "a parameter listed twice in one table"},
    {"table-row-duplicate", "structure", W, "a table row repeated word for word in one table"},
    {"param-section-unmatched", "structure", W, "a \"Parameter X\" section for a parameter X no table lists"},
    /* names */
    {"title-file-mismatch", "names", W, "the method name in the title does not match the page's file name"},
    {"title-method-name", "names", W, "a method page whose title does not name the method (the name is taken from the examples' URLs)"},
    {"method-duplicate", "names", W, "one method documented on two pages (REST 3.0/classic twins excepted)"},
    /* types */
    {"type-unknown", "types", W, "a parameter type that is no basic type and no word of a type dictionary"},
    {"type-ref-missing", "types", E, "a parameter type that links to an object anchor which does not exist"},
    /* examples */
    {"example-json", "examples", E, "a request body or response example that is not valid JSON"},
    {"example-unknown-param", "examples", W, "a request example sends a parameter the parameter table does not list"},
    {"example-required-missing", "examples", W, "a required parameter that no request example sends"},
    {"response-field-missing", "examples", W, "a \"Returned Data\" field of result that the response example lacks"},
    {"response-field-extra", "examples", W, "a field of result in the response example that \"Returned Data\" does not document"},
    {"response-field-type", "examples", W, "a response example value of another type than \"Returned Data\" says"},
    /* errors */
    {"error-duplicate", "errors", W, "an error code listed twice with the same text"},
    {"error-status-missing", "errors", N, "an error table with no HTTP status, where the page states none"},
    {"error-row", "errors", W, "an error table row without a code"},
    /* links */
    {"link-target-missing", "links", E, "a relative link to a page that does not exist"},
    {"link-anchor-missing", "links", E, "a link to an anchor the target page does not have"},
    {"see-also-missing", "links", E, "a \"Continue Learning\" link to a page that does not exist"},
    /* consistency across a family of methods */
    {"family-type-mismatch", "family", W, "a parameter with one name but different types in sibling methods (x.add, x.update, ...)"},
    {"event-example", "events", W, "an event's payload example that cannot be read (not JSON, print_r or a JS call)"},
    {"event-payload", "events", W, "an event page whose handler section has no table of what the handler receives"},
    {"event-example-schema", "events", W, "an event's payload example that its payload table does not describe"},
    /* what the model knows across pages (rules_model.c) */
    {"identifier-object-type", "model", W, "an identifier parameter (a name ending in ID) typed with an object type, while it takes the object's id"},
    {"type-examples-disagree", "model", W, "a parameter or result field whose table type no example value agrees with"},
    {"type-fields-disagree", "model", W, "a parameter typed as a scalar (integer, string, ...) while the page lists its fields"},
    {"example-deprecated-method", "model", W, "a page whose code examples call a deprecated method"},
    /* the run itself */
    {"io", "input", E, "a page that cannot be read"},
    {"page-too-large", "input", E, "a page too large to be read"},
    {"input", "input", E, "an input that is no docs root, page or model file"},
    {"model-json", "input", E, "a model file that cannot be read"},
};

const b24_lint_rule *b24_lint_rules(size_t *n) {
  *n = sizeof rules / sizeof rules[0];
  return rules;
}

const b24_lint_rule *b24_lint_find_rule(const char *id) {
  for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
    if (!strcmp(rules[i].id, id)) return &rules[i];
  return NULL;
}

size_t b24_lint_rule_index(const b24_lint_rule *r) { return (size_t)(r - rules); }
