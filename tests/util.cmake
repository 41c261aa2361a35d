# Shared utilities whose output others depend on byte for byte.
add_executable(json_text_test ${CMAKE_CURRENT_LIST_DIR}/util/json_text_test.c)
target_link_libraries(json_text_test PRIVATE b24core)
# Every committed generated JSON file, plus the cases built in the test itself.
file(GLOB_RECURSE B24_GENERATED_JSON CONFIGURE_DEPENDS ${B24_ROOT}/generated/*.json)
add_test(NAME util.json_text COMMAND json_text_test ${B24_GENERATED_JSON})
add_executable(parallel_test ${CMAKE_CURRENT_LIST_DIR}/util/parallel_test.c)
target_link_libraries(parallel_test PRIVATE b24core)
add_test(NAME util.parallel COMMAND parallel_test)
add_executable(json_parse_test ${CMAKE_CURRENT_LIST_DIR}/util/json_parse_test.c)
target_link_libraries(json_parse_test PRIVATE b24core)
add_test(NAME util.json_parse COMMAND json_parse_test ${B24_GENERATED_JSON})
