/* Marks the functions that libb24rt.so exports; everything else is built hidden so the
 * shared library's ABI is exactly what the public headers declare. */
#ifndef B24_EXPORT_H
#define B24_EXPORT_H
#if defined(__GNUC__) || defined(__clang__)
#define B24RT_API __attribute__((visibility("default")))
#else
#define B24RT_API
#endif
#endif
