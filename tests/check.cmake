# Conformance suite and runner tests (tests/check/check_tests.sh CASE): the generated
# suite against the real mock for docs-input, the test family and the 2026 corpus
# (skipped without it), the corpus's wrong_format cases against the mock with and
# without a fault that accepts invalid values, every mock fault caught by its check, JUnit/TAP, shards,
# redaction, read-only default, restoring writes, --checks, usage errors, and the
# transport's backoff and timeouts against a stub server.
add_executable(check_stub_server ${CMAKE_CURRENT_LIST_DIR}/check/stub_server.c)
target_link_libraries(check_stub_server PRIVATE PkgConfig::MHD pthread)

set(B24_CHECK_CASES generated_current docs_input_passes family_passes corpus_passes coverage_corpus constraints_corpus seed suite_schema
  faults_family faults_corpus ci_output shard redaction read_only restore checks_switch usage
  transport)
foreach(case ${B24_CHECK_CASES})
  add_test(NAME check.${case} COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check/check_tests.sh ${case})
  set_tests_properties(check.${case} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS check
    ENVIRONMENT "B24_BIN=$<TARGET_FILE:b24spec>;B24_ROOT=${B24_ROOT};B24_CORPUS=${B24_CORPUS};B24_STUB=$<TARGET_FILE:check_stub_server>")
endforeach()

# valgrind over a run with failures, JUnit and TAP (a sanitizer build cannot run under valgrind)
if(NOT B24_SANITIZE)
  add_test(NAME check.valgrind COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check/check_tests.sh valgrind)
  set_tests_properties(check.valgrind PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS check
    ENVIRONMENT "B24_BIN=$<TARGET_FILE:b24spec>;B24_ROOT=${B24_ROOT};B24_CORPUS=${B24_CORPUS}")
endif()
