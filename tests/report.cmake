# The report page (tests/report/report_tests.sh CASE): the seed pages and the 2026
# corpus (skipped without it) in Debian's chromium through playwright-core, byte
# for byte determinism, and bad input. Screenshots go to build/test-artifacts/.
find_program(NODE node)
foreach(case docs_input corpus deterministic bad_input valgrind)
  add_test(NAME report.${case} COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/report/report_tests.sh ${case})
  set_tests_properties(report.${case} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS report
    ENVIRONMENT "B24_BIN=$<TARGET_FILE:b24spec>;B24_ROOT=${B24_ROOT};B24_CORPUS=${B24_CORPUS};B24_ARTIFACTS=${CMAKE_BINARY_DIR}/test-artifacts")
endforeach()
