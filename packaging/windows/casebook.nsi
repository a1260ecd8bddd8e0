; Casebook's Windows installer: a per-user install that needs no administrator rights.
;
;   makensis /DVERSION=0.1.0 /DSOURCE=..\..\dist\casebook /DICON=..\..\build\icons\casebook.ico
;            /DOUTFILE=..\..\dist\Casebook-0.1.0-setup.exe casebook.nsi
;
; It installs the one-folder app into the user's own programs folder, adds a Start menu entry
; and an entry in Settings → Apps, and replaces an older version in place. Case folders,
; backups and settings live elsewhere (Documents, AppData) and are never touched, not even by
; the uninstaller, which removes only the files it put there.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "Give the version: /DVERSION=x.y.z"
!endif
!ifndef SOURCE
  !define SOURCE "..\..\dist\casebook"
!endif
!ifndef ICON
  !define ICON "..\..\build\icons\casebook.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\Casebook-${VERSION}-setup.exe"
!endif
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Casebook"

Name "Casebook"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Casebook"
InstallDirRegKey HKCU "Software\Casebook" "InstallDir"
SetCompressor /SOLID lzma
Icon "${ICON}"
UninstallIcon "${ICON}"
BrandingText "Casebook ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\casebook.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open Casebook now"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${SOURCE}\_internal\COPYING"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Casebook"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Casebook installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Free software under the GPL-3.0-or-later"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "The Casebook developers"

Section "Casebook"
  SetShellVarContext current
  ; An older version's program files go first, so none of its libraries are left behind.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\casebook.exe"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\Casebook.lnk" "$INSTDIR\casebook.exe" "" "$INSTDIR\casebook.exe" 0
  WriteRegStr HKCU "Software\Casebook" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Casebook"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Casebook developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\casebook.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Only what the installer put here: never a folder the person made or chose.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\casebook.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Casebook.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Casebook"
SectionEnd
