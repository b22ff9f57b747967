// Types for the ECharts parts render-svg.ts installs one by one. Each module's `install` takes
// ECharts' registers (typed in echarts/types/src/extension.d.ts); their package ships the JS without
// a declaration beside it, so the one export used is declared here.
declare module 'echarts/lib/chart/bar/install.js' {
  export const install: import('echarts/core').EChartsExtensionInstaller;
}
declare module 'echarts/lib/component/grid/install.js' {
  export const install: import('echarts/core').EChartsExtensionInstaller;
}
declare module 'echarts/lib/component/legend/install.js' {
  export const install: import('echarts/core').EChartsExtensionInstaller;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export const install: import('echarts/core').EChartsExtensionInstaller;
}
declare module 'echarts/lib/coord/cartesian/legacyContainLabel.js' {
  export const installLegacyGridContainLabel: import('echarts/core').EChartsExtensionInstaller;
}
