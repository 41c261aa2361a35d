# Generator tests: the type mapping and the C validator on the seed pages, ajv
# strict compile + the docs' own examples, OpenAPI lint (Redocly, Spectral,
# vacuum), and the drift check of the committed generated/ output.
add_executable(test_schema ${CMAKE_CURRENT_LIST_DIR}/gen/test_schema.c)
target_link_libraries(test_schema PRIVATE b24core)
add_test(NAME gen.schema_unit COMMAND test_schema ${B24_ROOT}/docs-input)
add_executable(validate_examples ${CMAKE_CURRENT_LIST_DIR}/gen/validate_examples.c)
target_link_libraries(validate_examples PRIVATE b24core)

find_program(NODE node)
set(B24_CORPUS_2026 ${B24_CORPUS}/b24restdocs-2026-08-21)
set(B24_GEN_ENV B24_BIN=$<TARGET_FILE:b24spec> B24_NODE_MODULES=${B24_ROOT}/tools/npm/node_modules)

# Seed: every example must validate. Corpus: every schema must compile; the
# examples that do not validate are listed as documentation defects. Both: the
# C validator must give the same verdict as ajv on every example.
add_test(NAME gen.ajv_seed COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/gen/ajv-check.mjs
  ${B24_ROOT}/docs-input --strict-examples --compare-c $<TARGET_FILE:validate_examples>)
add_test(NAME gen.ajv_corpus COMMAND bash -c
  "[ -d '${B24_CORPUS_2026}' ] || { echo 'SKIP: corpus absent'; exit 77; }
   exec '${NODE}' '${CMAKE_CURRENT_LIST_DIR}/gen/ajv-check.mjs' '${B24_CORPUS_2026}' --max-listed 400 --compare-c '$<TARGET_FILE:validate_examples>'")
set_tests_properties(gen.ajv_seed gen.ajv_corpus PROPERTIES ENVIRONMENT "${B24_GEN_ENV}" SKIP_RETURN_CODE 77)

foreach(linter redocly spectral vacuum)
  add_test(NAME gen.${linter}_seed COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/gen/lint.sh ${linter}
    $<TARGET_FILE:b24spec> ${B24_ROOT}/docs-input)
  add_test(NAME gen.${linter}_corpus COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/gen/lint.sh ${linter}
    $<TARGET_FILE:b24spec> ${B24_CORPUS_2026})
  set_tests_properties(gen.${linter}_seed gen.${linter}_corpus PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

# generated/ is the seed output, committed: whoever changes a generator
# regenerates it (./build/b24spec gen docs-input -o generated).
add_test(NAME gen.drift COMMAND bash -c
  "out=$(mktemp -d) && trap 'rm -rf \"$out\"' EXIT &&
   '$<TARGET_FILE:b24spec>' gen '${B24_ROOT}/docs-input' -o \"$out\" 2>/dev/null &&
   diff -r \"$out\" '${B24_ROOT}/generated' && echo 'generated/ is up to date'")

# Output is byte-identical from run to run.
add_test(NAME gen.deterministic COMMAND bash -c
  "a=$(mktemp -d) b=$(mktemp -d) && trap 'rm -rf \"$a\" \"$b\"' EXIT &&
   '$<TARGET_FILE:b24spec>' gen '${B24_ROOT}/docs-input' -o \"$a\" --only schemas,openapi 2>/dev/null &&
   '$<TARGET_FILE:b24spec>' gen '${B24_ROOT}/docs-input' -o \"$b\" --only schemas,openapi 2>/dev/null &&
   diff -r \"$a\" \"$b\" && test -s \"$a/openapi.json\" && test -s \"$a/schemas/user.update.params.json\"")
