export function App() {
  return <div>Giọt Hồng</div>;
}
