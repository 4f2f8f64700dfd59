# Run by `cmake --install` (install(SCRIPT) in CMakeLists.txt, after an
# install(CODE) that sets the CAWAIT_* variables): writes the installed
# cawait-cc, cawait-gcc and cawait.pc from their templates. They name the
# installed plugin, header and runtime by absolute path, and
# CMAKE_INSTALL_PREFIX is only final now (cmake --install --prefix
# overrides the configured one).

foreach(cawait_dir BINDIR LIBDIR INCLUDEDIR PLUGINDIR)
  set(cawait_rel "${CAWAIT_INSTALL_${cawait_dir}}")
  if(IS_ABSOLUTE "${cawait_rel}")
    set(cawait_${cawait_dir} "${cawait_rel}")
    set(CAWAIT_PC_${cawait_dir} "${cawait_rel}")
  else()
    set(cawait_${cawait_dir} "${CMAKE_INSTALL_PREFIX}/${cawait_rel}")
    # Relative to ${prefix} in cawait.pc, for pkg-config --define-prefix.
    set(CAWAIT_PC_${cawait_dir} "\${prefix}/${cawait_rel}")
  endif()
endforeach()

# The variables the templates use: cawait-cc.in shares the build tree's.
set(CAWAIT_PLUGIN_PATH "${cawait_PLUGINDIR}/cawait.so")
set(CAWAIT_INCLUDE_DIR "${cawait_INCLUDEDIR}")
set(CAWAIT_LIB_DIR "${cawait_LIBDIR}")
set(CAWAIT_PREFIX "${CMAKE_INSTALL_PREFIX}")

# A macro, not a function: the manifest list lives in the caller's scope.
macro(cawait_install_configured template dest)
  if(NOT CMAKE_INSTALL_MESSAGE STREQUAL "NEVER")
    message(STATUS "Installing: $ENV{DESTDIR}${dest}")
  endif()
  configure_file("${CAWAIT_TEMPLATE_DIR}/${template}" "$ENV{DESTDIR}${dest}"
                 @ONLY ${ARGN})
  # So that install_manifest.txt (and uninstall scripts) know the file.
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${dest}")
endmacro()

foreach(cawait_driver cawait-cc cawait-gcc)
  cawait_install_configured(${cawait_driver}.in
    "${cawait_BINDIR}/${cawait_driver}"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
                     GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
cawait_install_configured(cawait.pc.in "${cawait_LIBDIR}/pkgconfig/cawait.pc"
  NO_SOURCE_PERMISSIONS)
