# Lint tests: every rule on pages written for it (tests/data/lint), output formats
# (SARIF validated against the official 2.1.0 schema), configuration, inline
# suppression, exit codes, the seed pages and the real corpus (skipped when absent).
find_program(NODE node)
set(B24_LINT_ENV B24_BIN=$<TARGET_FILE:b24spec> B24_ROOT=${B24_ROOT} B24_CORPUS=${B24_CORPUS})
foreach(t rules clean text sarif config suppress exit seed corpus columns alone baseline fix)
  add_test(NAME lint.${t} COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/lint/lint.mjs ${t})
  set_tests_properties(lint.${t} PROPERTIES ENVIRONMENT "${B24_LINT_ENV}" SKIP_RETURN_CODE 77)
endforeach()
# Recall: defects of 27 kinds planted one at a time in copies of corpus pages
# (tests/lint/inject.mjs). This short run (10 a kind) guards against a kind
# falling away (each at least 60%); the figures per kind against the 95% goal
# come from --per-kind 20 (docs/lint.md).
add_test(NAME lint.inject COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/lint/inject.mjs --per-kind 10 --goal 0.6)
set_tests_properties(lint.inject PROPERTIES ENVIRONMENT "${B24_LINT_ENV}" SKIP_RETURN_CODE 77 TIMEOUT 1500)
