# Parser tests: the YFM block tree of real pages and of broken input.
add_executable(blockdump ${CMAKE_CURRENT_LIST_DIR}/parse/blockdump.c)
target_link_libraries(blockdump PRIVATE b24core)
