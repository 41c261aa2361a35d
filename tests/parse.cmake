# Parser and model tests: the seed pages exactly, the real corpus, broken input.
add_executable(blockdump ${CMAKE_CURRENT_LIST_DIR}/parse/blockdump.c)
target_link_libraries(blockdump PRIVATE b24core)

find_program(NODE node)
set(B24_MODEL_ENV B24_BIN=$<TARGET_FILE:b24spec> B24_ROOT=${B24_ROOT} B24_CORPUS=${B24_CORPUS})
foreach(t seed i18n roundtrip corpus layouts schema entities elided)
  add_test(NAME model.${t} COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/model/${t}.mjs)
  set_tests_properties(model.${t} PROPERTIES ENVIRONMENT "${B24_MODEL_ENV}" SKIP_RETURN_CODE 77)
endforeach()

add_test(NAME parse.bad_input
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/parse/bad_input.sh $<TARGET_FILE:b24spec> ${CMAKE_CURRENT_LIST_DIR}/data/parse)

# The block tree of the seed page with stray `- ||` text: both defects reported at
# their lines, every row kept.
add_test(NAME parse.seed_blocks
  COMMAND bash -c "out=$($<TARGET_FILE:blockdump> ${B24_ROOT}/docs-input api-reference/user/userfields/user-userfield-update.md 2>&1) || exit 1
    grep -q 'user-userfield-update.md:46:1: warning: text between table rows is ignored \\[table-stray-text\\]' <<<\"$out\" &&
    grep -q 'user-userfield-update.md:50:1: warning: text between table rows is ignored \\[table-stray-text\\]' <<<\"$out\" &&
    test $(grep -c '^      row ' <<<\"$out\") -eq 30 &&
    grep -q 'tab \"iblock_section|iblock_element\" :188' <<<\"$out\"")

# Inputs the fuzzer found crashes with, kept as regressions. see-also-twice.md has
# four "Continue Learning" sections; the second used to write past the links array
# and corrupt the error rows (caught by ASan). The rows must come out intact.
add_test(NAME parse.fuzz_regressions
  COMMAND bash -c "out=$($<TARGET_FILE:b24spec> model ${CMAKE_CURRENT_LIST_DIR}/data/parse/fuzz/see-also-twice.md 2>/dev/null)
    test $? -lt 128 && grep -q '\"errors\":\\[{\"status\":400,\"code\":\"ERROR_CORE\",\"message\":\"access_denied\"' <<<\"$out\"")

# No leak and no invalid access when modelling good and broken docs and diffing.
find_program(VALGRIND valgrind)
if(VALGRIND AND NOT B24_SANITIZE)
  add_test(NAME model.valgrind
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/parse/valgrind.sh ${VALGRIND} $<TARGET_FILE:b24spec> ${B24_ROOT})
endif()
