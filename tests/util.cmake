# Shared utilities whose output others depend on byte for byte.
# Every committed generated JSON file, plus the cases built in the tests themselves.
file(GLOB_RECURSE B24_GENERATED_JSON CONFIGURE_DEPENDS ${B24_ROOT}/generated/*.json)

# util_test(NAME [ARGS...]): tests/util/NAME_test.c linked against the core, run
# as util.NAME with ARGS.
function(util_test name)
  add_executable(${name}_test ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/util/${name}_test.c)
  target_link_libraries(${name}_test PRIVATE b24core)
  add_test(NAME util.${name} COMMAND ${name}_test ${ARGN})
endfunction()

util_test(json_text ${B24_GENERATED_JSON})
util_test(parallel)
util_test(json_parse ${B24_GENERATED_JSON})
util_test(regex_cache)
util_test(json_alloc ${B24_GENERATED_JSON})
