# Regeneration: the manifest-keeping writer behind `b24spec gen`.
add_executable(outputs_write_test ${CMAKE_CURRENT_LIST_DIR}/regen/outputs_write_test.c)
target_link_libraries(outputs_write_test PRIVATE b24core)
add_test(NAME regen.outputs_write COMMAND outputs_write_test)
add_test(NAME regen.gen COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/regen/regen_gen.sh $<TARGET_FILE:b24spec> ${B24_ROOT})
