# Build settings shared by the project and by the fuzzing build (tests/fuzz), which
# compiles the torch-free engine core again with clang and sanitizers.

# ---------------------------------------------------------------------------
# One INTERFACE target carries the language standard, warnings, strict Qt macros
# and the sanitizer; every target of the project links it.
add_library(llmos_common INTERFACE)
target_compile_features(llmos_common INTERFACE cxx_std_20)
target_compile_options(llmos_common INTERFACE -Wall -Wextra -Wno-unused-parameter)
target_compile_definitions(llmos_common INTERFACE
  QT_NO_KEYWORDS                 # Qt's `slots` macro breaks libtorch headers
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_FOREACH
  LLMOS_VERSION="${PROJECT_VERSION}")
if(LLMOS_SANITIZE)
  target_compile_options(llmos_common INTERFACE -fsanitize=${LLMOS_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(llmos_common INTERFACE -fsanitize=${LLMOS_SANITIZE})
endif()

# ---------------------------------------------------------------------------
# Dependencies of the engine: libtorch and small libraries only. LLMOS_CORE_ONLY
# (used by the fuzzing build) leaves out torch and everything that needs it.
if(NOT LLMOS_CORE_ONLY)
  find_package(Torch REQUIRED)
endif()
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
find_package(PkgConfig)

# PCRE2 (Unicode regex for pre-tokenizers). Found by hand so that a carried header
# plus the system libpcre2-8.so.0 work on machines without the -dev package.
find_path(PCRE2_INCLUDE_DIR pcre2.h)
find_library(PCRE2_LIBRARY NAMES pcre2-8 libpcre2-8.so.0)
if(NOT PCRE2_INCLUDE_DIR OR NOT PCRE2_LIBRARY)
  message(FATAL_ERROR "PCRE2 (libpcre2-dev) is required for the tokenizers")
endif()
add_library(llmos_pcre2 INTERFACE)
target_include_directories(llmos_pcre2 SYSTEM INTERFACE ${PCRE2_INCLUDE_DIR})
target_link_libraries(llmos_pcre2 INTERFACE ${PCRE2_LIBRARY})
target_compile_definitions(llmos_pcre2 INTERFACE PCRE2_CODE_UNIT_WIDTH=8)

# SentencePiece is optional: without it tokenizer.model files are refused with a
# message, tokenizer.json still works.
find_path(SENTENCEPIECE_INCLUDE_DIR sentencepiece_processor.h)
find_library(SENTENCEPIECE_LIBRARY sentencepiece)
set(LLMOS_HAVE_SENTENCEPIECE OFF)
if(SENTENCEPIECE_INCLUDE_DIR AND SENTENCEPIECE_LIBRARY)
  set(LLMOS_HAVE_SENTENCEPIECE ON)
endif()

